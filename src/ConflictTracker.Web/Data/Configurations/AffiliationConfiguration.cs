using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictTracker.Web.Data.Configurations;

public sealed class AffiliationConfiguration : IEntityTypeConfiguration<Affiliation>
{
    public void Configure(EntityTypeBuilder<Affiliation> builder)
    {
        builder.ToTable(
            "affiliations",
            t =>
            {
                t.HasCheckConstraint("ck_affiliations_not_self", "member_id <> organisation_id");
                t.HasCheckConstraint("ck_affiliations_dates_in_range", Sql.InDateRange("valid_from", "valid_to"));
                t.HasCheckConstraint(
                    "ck_affiliations_period",
                    "valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from"
                );
            }
        );
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Role).HasMaxLength(MaxLengths.Role);
        builder.Property(a => a.From).HasColumnName("valid_from");
        builder.Property(a => a.To).HasColumnName("valid_to");
        builder.Property(a => a.Version).IsRowVersion();
        builder.HasOne<Actor>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Actor>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
