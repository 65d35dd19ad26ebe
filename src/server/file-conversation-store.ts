import { join } from 'node:path';
import { ConversationSchema, type Conversation, type ConversationStore } from '../agent/conversation.js';
import { JsonFileStore } from './json-file-store.js';

/** Conversations as one JSON file each under `<dataDir>/conversations`, the profile under `<dataDir>/profile`. */
export function createFileConversationStore(dataDir: string): ConversationStore {
  const conversations = new JsonFileStore(join(dataDir, 'conversations'));
  const profiles = new JsonFileStore(join(dataDir, 'profile'));
  return {
    load(id: string): Conversation | null {
      if (!/^[A-Za-z0-9_-]{8,64}$/.test(id)) return null;
      const parsed = ConversationSchema.safeParse(conversations.read(id));
      return parsed.success ? parsed.data : null;
    },
    save(conversation: Conversation): void {
      conversations.write(conversation.id, conversation);
    },
    loadProfile() {
      const p = profiles.read<{ heldSkills?: unknown }>('profile');
      return { heldSkills: Array.isArray(p?.heldSkills) ? p.heldSkills.filter((s): s is string => typeof s === 'string') : [] };
    },
    saveProfile(profile) {
      profiles.write('profile', profile);
    },
  };
}
