using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictTracker.Web.Data.Configurations;

public sealed class CitationConfiguration : IEntityTypeConfiguration<Citation>
{
    public void Configure(EntityTypeBuilder<Citation> builder)
    {
        builder.ToTable(
            "citations",
            t =>
            {
                t.HasCheckConstraint("ck_citations_role", Sql.In<CitationRole>("role"));
                t.HasCheckConstraint(
                    "ck_citations_origin_derives_from_nothing",
                    "role <> 'Origin' OR derived_from_id IS NULL"
                );
                t.HasCheckConstraint("ck_citations_not_from_self", "derived_from_id <> id");
            }
        );
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Quote).HasMaxLength(MaxLengths.Quote);
        builder.Property(c => c.Locator).HasMaxLength(MaxLengths.Locator);
        builder.HasOne<Source>().WithMany().HasForeignKey(c => c.SourceId).OnDelete(DeleteBehavior.Restrict);

        builder.HasAlternateKey(c => new { c.ClaimId, c.Id });

        // A citation derives only from another citation of the same claim.
        builder
            .HasOne<Citation>()
            .WithMany()
            .HasForeignKey(c => new { c.ClaimId, c.DerivedFromId })
            .HasPrincipalKey(c => new { c.ClaimId, c.Id })
            .HasConstraintName("fk_citations_derived_from_same_claim")
            .OnDelete(DeleteBehavior.Restrict);

        // With the role: a proposition's origin counting reads a claim's citations from the index alone.
        builder.HasIndex(c => new { c.ClaimId, c.SourceId }).IsUnique().IncludeProperties(c => c.Role);
        builder
            .HasIndex(c => c.ClaimId)
            .IsUnique()
            .HasFilter("role = 'Origin'")
            .HasDatabaseName("ux_citations_one_origin_per_claim");
        // With the claim: a search by source title reads the citing claims from the index alone.
        builder.HasIndex(c => c.SourceId).IncludeProperties(c => c.ClaimId);
    }
}
