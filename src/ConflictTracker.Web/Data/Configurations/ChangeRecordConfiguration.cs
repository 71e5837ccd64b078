using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.History;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictTracker.Web.Data.Configurations;

/// <summary>
/// The change history. Append-only: a trigger created in the initial migration refuses UPDATE,
/// DELETE and TRUNCATE, so not even a bug (or a hurried operator) can rewrite it.
/// </summary>
public sealed class ChangeRecordConfiguration : IEntityTypeConfiguration<ChangeRecord>
{
    public void Configure(EntityTypeBuilder<ChangeRecord> builder)
    {
        builder.ToTable(
            "change_history",
            t =>
            {
                t.HasCheckConstraint("ck_change_history_action", Sql.In<ChangeAction>("action"));
                t.HasCheckConstraint("ck_change_history_changes_object", "jsonb_typeof(changes) = 'object'");
            }
        );
        builder.Property(c => c.Id).UseIdentityAlwaysColumn();
        builder.Property(c => c.EntityType).HasMaxLength(64);
        builder.Property(c => c.ChangedBy).HasMaxLength(MaxLengths.UserName);
        builder.Property(c => c.Changes).HasColumnType("jsonb");
        builder.Property(c => c.Reason).HasMaxLength(MaxLengths.ChangeReason);
        builder.HasIndex(c => new
        {
            c.EntityType,
            c.EntityId,
            c.ChangedAt,
        });
    }
}
