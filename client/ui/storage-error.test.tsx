import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { StorageAlert, StorageError } from './storage-error';

const noop = () => undefined;

describe('StorageAlert', () => {
  it('says what happened, with a dismiss button, inside an alert', () => {
    const html = renderToStaticMarkup(<StorageAlert message="Out of space." onDismiss={noop} />);
    expect(html).toMatch(/^<div class="storage-alert-slot" role="alert">/);
    expect(html).toContain('<p>Out of space.</p>');
    expect(html).toContain('<button type="button" class="button">Dismiss</button>');
  });

  it('keeps an empty alert region while there is nothing to say', () => {
    expect(renderToStaticMarkup(<StorageAlert message={null} onDismiss={noop} />)).toBe(
      '<div class="storage-alert-slot" role="alert"></div>',
    );
  });
});

describe('StorageError', () => {
  it('explains the likely causes and offers a retry', () => {
    const html = renderToStaticMarkup(<StorageError detail="UnknownError: x" onRetry={noop} />);
    expect(html).toContain('private or incognito window');
    expect(html).toContain('Try again');
    expect(html).toContain('UnknownError: x');
  });
});
