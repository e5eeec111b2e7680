// Store tests run Dexie against an in-memory IndexedDB.
import 'fake-indexeddb/auto';
