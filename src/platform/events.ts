import { EventEmitter } from 'node:events';

/**
 * The in-process event bus modules use to react to each other without touching each
 * other's tables (e.g. `workspace.created`). Events are emitted after the transaction
 * that caused them has committed. Listener errors are logged, never thrown at the emitter.
 */
export class EventBus {
  private readonly emitter = new EventEmitter();
  constructor(private readonly onListenerError: (event: string, err: unknown) => void = () => {}) {
    this.emitter.setMaxListeners(100);
  }

  on<T = unknown>(event: string, listener: (payload: T) => void | Promise<void>) {
    this.emitter.on(event, (payload: T) => {
      Promise.resolve()
        .then(() => listener(payload))
        .catch((err) => this.onListenerError(event, err));
    });
  }

  emit(event: string, payload: unknown) {
    this.emitter.emit(event, payload);
  }
}
