// The job engine side (dispatcher, transport, engine start). Services use @/lib/jobs/outbox only.
import { installOutboxDispatcher } from "./dispatch";

export { send, deliverEvents, type SendableEvent } from "./send";
export { startJobEngine, stopJobEngine, getJobEngine } from "./start";
export { jobMode, type JobMode } from "./mode";
export { dispatchOutbox, requestDispatch, sweepOutbox } from "./dispatch";

// A process that loads the engine side sends its outbox rows as soon as they commit (the server and the
// worker also do this explicitly at start).
installOutboxDispatcher();
