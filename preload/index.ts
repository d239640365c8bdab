import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL, RPC_CHANNEL } from '../common/ipc-channels';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld(
  'koers',
  createBridge({
    invoke: (method, input) => ipcRenderer.invoke(RPC_CHANNEL, method, input),
    listen(listener) {
      const handler = (_event: IpcRendererEvent, name: string, payload: unknown) => listener(name, payload);
      ipcRenderer.on(EVENT_CHANNEL, handler);
      return () => ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    },
  }),
);
