export { sha256Hex } from "./hash";
export { randomToken } from "./random-token";
export { encryptSecret, decryptSecret } from "./secret-box";
export { encryptionKeyId, keyring, seal, unseal, UnknownEncryptionKeyError, type Keyring, type SealedSecret } from "./keyring";
