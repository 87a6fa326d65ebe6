/**
 * A JUnit Jupiter extension that gives every test its own branch of a migrated, seeded
 * PostgreSQL database: real PostgreSQL per test instead of mocks, H2 or a shared database.
 *
 * <pre>{@code
 * @GraftDatabase(migrations = "filesystem:src/main/resources/db/migration", seed = "classpath:seed.sql")
 * class CustomerRepositoryTest {
 *     @Test
 *     void savesACustomer(DataSource db) throws SQLException {
 *         new CustomerRepository(db).save(new Customer("Ada"));
 *     }
 * }
 * }</pre>
 */
package dev.graft.junit;
