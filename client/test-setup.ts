// Client tests run in Node: fake-indexeddb provides the IndexedDB globals Dexie needs.
import 'fake-indexeddb/auto';
