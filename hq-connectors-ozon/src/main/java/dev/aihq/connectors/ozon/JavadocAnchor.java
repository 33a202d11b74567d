package dev.aihq.connectors.ozon;

/**
 * Gives javadoc a source file in this package, which holds only {@code package-info.java} on this branch.
 * Delete this class once the connector's classes land here.
 */
final class JavadocAnchor {

    private JavadocAnchor() {}
}
