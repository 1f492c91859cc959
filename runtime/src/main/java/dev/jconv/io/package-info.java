/**
 * Weights on disk: the safetensors format (an 8-byte little-endian header length, a JSON header
 * naming each tensor's dtype, shape and byte range, then the raw little-endian data), read and
 * written without dependencies, and {@link dev.jconv.Model#save}/{@link dev.jconv.Model#load} on
 * top of it.
 */
package dev.jconv.io;
