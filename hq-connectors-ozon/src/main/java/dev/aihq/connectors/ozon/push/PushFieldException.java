package dev.aihq.connectors.ozon.push;

/** A push whose field is missing or malformed; answered {@code 400} naming the field. */
final class PushFieldException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    PushFieldException(String field, String problem) {
        super(field + " " + problem, null, false, false);
        this.field = field;
    }

    String field() {
        return field;
    }
}
