package dev.aihq.connectors.ozon;

/**
 * Placeholder so that javadoc finds a source file in this package, which otherwise holds only its
 * {@code package-info.java} on this branch. Delete it once the connector's classes land in this package.
 */
final class JavadocAnchor {

    private JavadocAnchor() {}
}
