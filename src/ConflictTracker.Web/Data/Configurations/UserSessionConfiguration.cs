using ConflictTracker.Web.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictTracker.Web.Data.Configurations;

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable(
            "user_sessions",
            t => t.HasCheckConstraint("ck_user_sessions_key_hash_length", "octet_length(key_hash) = 32")
        );
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasIndex(s => s.KeyHash).IsUnique();
        builder.HasIndex(s => s.UserId);
        // Expired sessions are deleted in one statement at each sign-in.
        builder.HasIndex(s => s.ExpiresAt);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
