using ConflictTracker.Web.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictTracker.Web.Data.Configurations;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.ToTable(
            "api_tokens",
            t =>
            {
                t.HasCheckConstraint("ck_api_tokens_name_not_blank", "btrim(name) <> ''");
                t.HasCheckConstraint("ck_api_tokens_expiry", "expires_at > created_at");
                t.HasCheckConstraint("ck_api_tokens_hash_length", "octet_length(hash) = 32");
                t.HasCheckConstraint("ck_api_tokens_second_factor", Sql.In<ApiTokenSecondFactor>("second_factor"));
            }
        );
        builder.Property(t => t.SecondFactor).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(ApiToken.MaxNameLength);
        builder.Property(t => t.Hint).HasMaxLength(16);
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.HasIndex(t => t.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
