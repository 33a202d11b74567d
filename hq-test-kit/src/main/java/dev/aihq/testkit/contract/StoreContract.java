package dev.aihq.testkit.contract;

import javax.annotation.Nullable;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of the store contract suites: gives each test a fresh store from {@link #createStore()}.
 * The store is created on first use inside the test, after every {@code @BeforeEach} of the subclass
 * has run (a database suite may prepare its schema there), and forgotten before the next test.
 *
 * @param <S> the store SPI under test
 */
public abstract class StoreContract<S> {

    private @Nullable S store;

    /** Creates the base. */
    protected StoreContract() {}

    /**
     * Creates a new, empty store. Called once per test.
     *
     * @return the store under test
     */
    protected abstract S createStore();

    /**
     * Returns this test's store, creating it on first use.
     *
     * @return the store under test
     */
    protected final S store() {
        S s = store;
        if (s == null) {
            s = createStore();
            store = s;
        }
        return s;
    }

    /** Forgets the previous test's store, so that even a per-class test instance gets a fresh one. */
    @BeforeEach
    protected final void forgetPreviousStore() {
        store = null;
    }
}
