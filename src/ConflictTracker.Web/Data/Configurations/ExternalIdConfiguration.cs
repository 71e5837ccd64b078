using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Exchange;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictTracker.Web.Data.Configurations;

internal sealed class ExternalIdConfiguration : IEntityTypeConfiguration<ExternalId>
{
    public void Configure(EntityTypeBuilder<ExternalId> builder)
    {
        builder.ToTable(
            "external_ids",
            t =>
            {
                t.HasCheckConstraint(
                    "ck_external_ids_kind",
                    "kind IN ('actor', 'source', 'proposition', 'claim', 'citation')"
                );
                t.HasCheckConstraint("ck_external_ids_key_not_blank", "btrim(key) <> ''");
            }
        );
        builder.HasKey(e => new { e.Kind, e.Key });
        builder.Property(e => e.Kind).HasMaxLength(16);
        builder.Property(e => e.Key).HasMaxLength(ExternalId.MaxKeyLength);
        builder.Property(e => e.Fingerprint).HasMaxLength(64);
        builder.Property(e => e.ImportedBy).HasMaxLength(MaxLengths.UserName);
        builder.HasIndex(e => e.EntityId);
    }
}
