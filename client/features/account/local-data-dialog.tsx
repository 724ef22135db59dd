// The question asked when signing in on a device that already holds data (see
// auth/sign-in.ts): keep a guest's data (it is synced into the account) or discard
// it; for another account's data only discarding is offered, since accounts are
// never mixed. Cancelling leaves the device exactly as it was.
import type { LocalDataAnswer, LocalDataQuestion } from '../../auth/sign-in';
import { ChoiceDialog, type Choice } from '../../ui/choice-dialog';
import { describeCounts, describeUnsynced } from './local-data-text';

interface LocalDataDialogProps {
  question: LocalDataQuestion | null;
  onAnswer: (answer: LocalDataAnswer) => void;
}

type Decision = Exclude<LocalDataAnswer, 'cancel'>;

const GUEST_CHOICES: readonly Choice<Decision>[] = [
  { value: 'discard', label: 'Discard it' },
  { value: 'keep', label: 'Keep it and sync', primary: true },
];
const OTHER_ACCOUNT_CHOICES: readonly Choice<Decision>[] = [
  { value: 'discard', label: 'Remove it and sign in' },
];

const Email = ({ children }: { children: string }) => (
  <span className="email-text">{children}</span>
);

export function LocalDataDialog({ question, onAnswer }: LocalDataDialogProps) {
  const other = question?.kind === 'other-account';
  return (
    <ChoiceDialog
      open={question !== null}
      title={other ? 'This device holds another account’s data' : 'Keep the data on this device?'}
      choices={other ? OTHER_ACCOUNT_CHOICES : GUEST_CHOICES}
      cancelLabel={other ? 'Cancel' : 'Cancel sign-in'}
      onChoose={onAnswer}
      onCancel={() => onAnswer('cancel')}
    >
      {question?.kind === 'guest-data' && (
        <>
          <p>This device has {describeCounts(question.summary.own)} made without an account.</p>
          <p>
            <strong>Keep it</strong> to add it to <Email>{question.email}</Email> and sync it to
            your other devices, or <strong>discard it</strong> to remove it from this device and use
            only what the account holds.
          </p>
        </>
      )}
      {question?.kind === 'other-account' && (
        <>
          <p>
            The data here belongs to <Email>{question.otherEmail}</Email>
            {question.unsynced > 0 ? `, with ${describeUnsynced(question.unsynced)}` : ''}. Accounts
            are never mixed on one device.
          </p>
          <p>
            To sign in as {question.email}, remove that data from this device first. What was synced
            stays in {question.otherEmail}’s account; anything not synced is lost.
          </p>
        </>
      )}
    </ChoiceDialog>
  );
}
