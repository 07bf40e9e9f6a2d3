package fr.fraisdejustice.staff;

import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.OptimisticLockingListener;
import org.camunda.bpm.engine.impl.db.entitymanager.OptimisticLockingResult;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbEntityOperation;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbOperation;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's own database identity provider, with one addition: a staff member whose stored hash is not today's
 * (Camunda's former SHA-512, or PBKDF2 with fewer iterations) is re-hashed when he logs in successfully, the one moment
 * the password is at hand. Every staff login goes through here ({@code IdentityService.checkPassword}): Camunda's
 * webapp login, HTTP Basic on {@code /engine-rest} and on the staff endpoints of {@code /api}.
 */
class StaffIdentityProvider extends DbIdentityServiceProvider {

    private final Pbkdf2PasswordEncryptor encryptor;

    StaffIdentityProvider(Pbkdf2PasswordEncryptor encryptor) {
        this.encryptor = encryptor;
    }

    /** Camunda 7.24's {@code DbIdentityServiceProvider.checkPassword} (throttling included), re-hashing on success. */
    @Override
    public boolean checkPassword(String userId, String password) {
        UserEntity user = findUserById(userId);
        if (user == null || password == null || isUserLocked(user)) {
            return false;
        }
        if (!matchPassword(password, user)) {
            lockUser(user);
            return false;
        }
        if (encryptor.isCurrent(user.getPassword())) {
            unlockUser(user);
        } else {
            rehash(user, password);
        }
        return true;
    }

    /**
     * A new salt and the engine's encryptor, as {@code saveUser} does (without its authorization and password policy
     * checks: an old password is re-hashed, not judged). The cached user, now changed, is written at flush by the engine's
     * {@code updateUser} ({@code REV_} + 1). Failed attempts are then cleared by {@code updateUserLock}, which the engine
     * runs after the entity updates of the same type: it is given the revision {@code updateUser} leaves, so that it
     * does not miss the row. A concurrent login that re-hashed the same user first makes this update fail its revision
     * check: the login still succeeds, the other hash stays.
     */
    private void rehash(UserEntity user, String password) {
        boolean attemptsToClear = user.getAttempts() > 0 || user.getLockExpirationTime() != null;
        int revision = user.getRevision();
        user.setPassword(password);
        user.encryptPassword();
        getDbEntityManager().registerOptimisticLockingListener(new RehashConflict(user));
        if (attemptsToClear) {
            UserEntity lock = new UserEntity(user.getId());
            lock.setRevision(revision + 1);
            getIdentityInfoManager().updateUserLock(lock, 0, null);
        }
    }

    /** Ignores the failed revision check of this re-hash only; any other conflict is the engine's to report. */
    private record RehashConflict(UserEntity user) implements OptimisticLockingListener {

        @Override
        public Class<? extends DbEntity> getEntityType() {
            return UserEntity.class;
        }

        @Override
        public OptimisticLockingResult failedOperation(DbOperation operation) {
            return operation instanceof DbEntityOperation entityOperation && entityOperation.getEntity() == user
                    ? OptimisticLockingResult.IGNORE
                    : OptimisticLockingResult.THROW;
        }
    }

    /** Installed as the engine's {@code identityProviderSessionFactory}: a provider per command context. */
    static final class Factory implements SessionFactory {

        private final Pbkdf2PasswordEncryptor encryptor;

        Factory(Pbkdf2PasswordEncryptor encryptor) {
            this.encryptor = encryptor;
        }

        @Override
        public Class<?> getSessionType() {
            return StaffIdentityProvider.class;
        }

        @Override
        public Session openSession() {
            return new StaffIdentityProvider(encryptor);
        }
    }
}
