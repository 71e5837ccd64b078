using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Propositions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictTracker.Web.Data.Configurations;

public sealed class MeasureConfiguration : IEntityTypeConfiguration<Measure>
{
    public void Configure(EntityTypeBuilder<Measure> builder)
    {
        builder.ToTable("measures", t => t.HasCheckConstraint("ck_measures_not_blank", "btrim(name) <> '' AND btrim(unit) <> ''"));
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Name).HasMaxLength(MaxLengths.Name);
        builder.Property(m => m.Unit).HasMaxLength(MaxLengths.Name);
        builder.HasIndex(m => new { m.PropositionId, m.Name }).IsUnique();

        // Lets a claim's (proposition_id, measure_id) reference a measure of that same proposition.
        builder.HasAlternateKey(m => new { m.PropositionId, m.Id });
    }
}
