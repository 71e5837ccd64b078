using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Propositions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictTracker.Web.Data.Configurations;

public sealed class MeasureConfiguration : IEntityTypeConfiguration<Measure>
{
    public void Configure(EntityTypeBuilder<Measure> builder)
    {
        builder.ToTable(
            "measures",
            t => t.HasCheckConstraint("ck_measures_not_blank", "btrim(name) <> '' AND btrim(unit) <> ''")
        );
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Name).HasMaxLength(MaxLengths.Name);
        builder.Property(m => m.Unit).HasMaxLength(MaxLengths.Name);
        // Names are unique per proposition ignoring case, as the domain compares them: an expression
        // index (proposition_id, lower(name)) created in the Initial migration enforces it.

        // Lets a claim's (proposition_id, measure_id) reference a measure of that same proposition.
        builder.HasAlternateKey(m => new { m.PropositionId, m.Id });
    }
}
