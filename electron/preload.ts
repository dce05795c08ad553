import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, type RapportApi } from '../shared/api';
import { buildBridge } from '../shared/bridge';
import type { Envelope } from '../shared/errors';

const rapport = buildBridge<RapportApi>(
  CHANNELS,
  (channel, args) => ipcRenderer.invoke(channel, ...args) as Promise<Envelope<unknown>>,
) satisfies RapportApi;

contextBridge.exposeInMainWorld('rapport', rapport);
