package dev.aihq.connectors.wb;

/**
 * Not API. Javadoc refuses a package with a {@code package-info.java} and no other source file, which this
 * package is until the connector's client lands here; delete this class then.
 */
final class JavadocAnchor {

    private JavadocAnchor() {}
}
