using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConflictTracker.Web.Data.Migrations
{
    /// <summary>
    /// Triggers that tell every app instance, on channel <c>auth_changed</c>, whose API tokens to stop trusting
    /// from its in-memory cache (ApiTokenCache, docs/rules/authorisation.md "Token cache"): a token revoked or
    /// re-dated, a user changed or removed, a role or claim given or taken. The payload is the user's id, or
    /// <c>*</c> for everyone. The notification is sent when the changing transaction commits, whatever made the
    /// change (the app, the command line, SQL by hand). A token's last use is not a change that matters.
    /// </summary>
    public partial class ApiTokenCacheNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                CREATE FUNCTION notify_auth_changed() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_LEVEL = 'STATEMENT' OR TG_TABLE_NAME = 'roles' THEN
                        PERFORM pg_notify('auth_changed', '*');
                    ELSIF TG_TABLE_NAME = 'users' THEN
                        PERFORM pg_notify('auth_changed', OLD.id::text);
                    ELSE
                        IF TG_OP <> 'INSERT' THEN
                            PERFORM pg_notify('auth_changed', OLD.user_id::text);
                        END IF;
                        IF TG_OP <> 'DELETE' THEN
                            PERFORM pg_notify('auth_changed', NEW.user_id::text);
                        END IF;
                    END IF;
                    RETURN NULL;
                END;
                $$;
                CREATE TRIGGER api_tokens_auth_changed
                    AFTER UPDATE OF revoked_at, expires_at, user_id, hash OR DELETE ON api_tokens
                    FOR EACH ROW EXECUTE FUNCTION notify_auth_changed();
                CREATE TRIGGER users_auth_changed
                    AFTER UPDATE OR DELETE ON users
                    FOR EACH ROW EXECUTE FUNCTION notify_auth_changed();
                CREATE TRIGGER user_roles_auth_changed
                    AFTER INSERT OR UPDATE OR DELETE ON user_roles
                    FOR EACH ROW EXECUTE FUNCTION notify_auth_changed();
                CREATE TRIGGER user_claims_auth_changed
                    AFTER INSERT OR UPDATE OR DELETE ON user_claims
                    FOR EACH ROW EXECUTE FUNCTION notify_auth_changed();
                CREATE TRIGGER roles_auth_changed
                    AFTER UPDATE OR DELETE ON roles
                    FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_changed();
                CREATE TRIGGER api_tokens_truncated
                    AFTER TRUNCATE ON api_tokens FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_changed();
                CREATE TRIGGER users_truncated
                    AFTER TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_changed();
                CREATE TRIGGER user_roles_truncated
                    AFTER TRUNCATE ON user_roles FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_changed();
                CREATE TRIGGER user_claims_truncated
                    AFTER TRUNCATE ON user_claims FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_changed();
                """
            );
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION notify_auth_changed() CASCADE;");
        }
    }
}
