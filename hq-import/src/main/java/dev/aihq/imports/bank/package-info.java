/**
 * Bank statements into the ledger: the 1C client-bank exchange text format ({@link
 * dev.aihq.imports.bank.OneCExchangeReader}) and CSV exports ({@link dev.aihq.imports.bank.BankCsvReader}) read as
 * {@link dev.aihq.imports.bank.BankTransaction}s, classified by ordered rules ({@link
 * dev.aihq.imports.bank.BankClassifier}) and recorded once each ({@link dev.aihq.imports.bank.BankStatementImport}),
 * with every malformed line reported by line and field.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.imports.bank;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
