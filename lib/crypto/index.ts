export { sha256Hex } from "./hash";
export { randomToken } from "./random-token";
export { encryptSecret, decryptSecret } from "./secret-box";
