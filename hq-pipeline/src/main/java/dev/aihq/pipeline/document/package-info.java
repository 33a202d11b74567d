/**
 * {@link dev.aihq.api.document.DocumentSource}s: {@code InMemoryDocumentSource} (per shop, for tests and
 * demos) and {@code DirectoryDocumentSource} (UTF-8 {@code .txt} and {@code .md} files in one directory per
 * shop, names never leaving it).
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.pipeline.document;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
