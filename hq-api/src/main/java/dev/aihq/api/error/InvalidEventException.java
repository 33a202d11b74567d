package dev.aihq.api.error;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An event (a webhook body, a poll item, a model output treated as input) failed validation. Carries
 * every bad field at once, so a sender fixes them in one round. Nothing of the event was stored.
 */
public class InvalidEventException extends HqException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    /**
     * Creates the exception.
     *
     * @param errors the bad fields, at least one
     */
    public InvalidEventException(List<FieldError> errors) {
        super(describe(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid event needs at least one field error");
        }
        this.errors = List.copyOf(errors);
    }

    /**
     * Creates the exception for one field.
     *
     * @param field the field
     * @param problem what is wrong with it
     */
    public InvalidEventException(String field, String problem) {
        this(List.of(new FieldError(field, problem)));
    }

    /**
     * Returns the bad fields.
     *
     * @return the field errors, never empty
     */
    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        return "invalid event: " + errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
    }
}
