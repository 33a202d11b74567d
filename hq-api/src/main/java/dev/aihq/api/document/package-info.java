/**
 * The documents a legal event refers to: the {@link dev.aihq.api.document.DocumentSource} SPI that
 * resolves a document's name for a shop, the {@link dev.aihq.api.document.DocumentLookup} it answers with,
 * the {@link dev.aihq.api.document.DocumentLimits} that bound what is read, and the
 * {@link dev.aihq.api.document.DocumentResolver} that turns an event's names and inline documents into
 * {@link dev.aihq.api.document.ResolvedDocuments}: the texts in the event's order and every document that
 * could not be used, with a reason a person can read.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.api.document;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
