package dev.aihq.imports;

/**
 * Told how an import is going: every {@code progressEvery} rows and once at the end ({@link ImportProgress#done}).
 * Called on the importing thread; a slow listener slows the import.
 */
@FunctionalInterface
public interface ImportProgressListener {

    /** A listener that ignores progress. */
    ImportProgressListener NONE = progress -> { };

    /**
     * Receives the progress.
     *
     * @param progress the counts so far
     */
    void progress(ImportProgress progress);
}
