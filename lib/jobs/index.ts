export { send, type SendableEvent } from "./send";
export { startJobEngine, stopJobEngine } from "./start";
export { jobMode, type JobMode } from "./mode";
