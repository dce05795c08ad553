import { z } from 'zod';
import { SettingsPatch, type Settings } from '../model/practice';

export interface SettingsApi {
  get(): Promise<Settings>;
  update(patch: SettingsPatch): Promise<Settings>;
}

export const settingsContract = {
  get: z.tuple([]),
  update: z.tuple([SettingsPatch]),
};
