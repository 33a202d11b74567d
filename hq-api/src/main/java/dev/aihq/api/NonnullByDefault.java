package dev.aihq.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import javax.annotation.Nonnull;
import javax.annotation.meta.TypeQualifierDefault;

/**
 * Declares that method return values and fields in the annotated package are non-null unless marked
 * {@link javax.annotation.Nullable}. Used together with
 * {@link javax.annotation.ParametersAreNonnullByDefault} in every {@code package-info.java} of AI HQ.
 */
@Documented
@Nonnull
@TypeQualifierDefault({ElementType.METHOD, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PACKAGE, ElementType.TYPE})
public @interface NonnullByDefault {}
