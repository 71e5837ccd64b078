using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictTracker.Web.Data.Configurations;

/// <summary>The search's synonym list (docs/rules/search.md, "Synonyms"): a row a group, its terms a text
/// array.</summary>
public sealed class SynonymGroupConfiguration : IEntityTypeConfiguration<SynonymGroup>
{
    public void Configure(EntityTypeBuilder<SynonymGroup> builder)
    {
        builder.ToTable(
            "synonym_groups",
            t =>
            {
                t.HasCheckConstraint(
                    "ck_synonym_groups_terms",
                    $"cardinality(terms) BETWEEN 2 AND {SynonymGroup.MaxTerms}"
                );
            }
        );
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.Terms).HasColumnType("text[]");
        builder.Property(g => g.Note).HasMaxLength(MaxLengths.Note);
        builder.Property(g => g.Version).IsRowVersion();
        // A search looks up the groups holding any of its words: terms && array[...].
        builder.HasIndex(g => g.Terms).HasMethod("gin");
    }
}
