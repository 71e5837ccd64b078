using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Places;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictTracker.Web.Data.Configurations;

public sealed class PlaceConfiguration : IEntityTypeConfiguration<Place>
{
    public void Configure(EntityTypeBuilder<Place> builder)
    {
        builder.ToTable(
            "places",
            t =>
            {
                t.HasCheckConstraint("ck_places_country_code", "country_code ~ '^[A-Z]{2}$'");
                t.HasCheckConstraint(
                    "ck_places_coordinates",
                    "(latitude IS NULL) = (longitude IS NULL) AND latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180"
                );
                t.HasCheckConstraint("ck_places_name_not_blank", "btrim(name) <> ''");
            }
        );
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(MaxLengths.Name);
        builder.Property(p => p.CountryCode).HasMaxLength(2);
        builder.HasIndex(p => new { p.Name, p.CountryCode }).IsUnique().AreNullsDistinct(false);
        builder
            .HasIndex(p => p.Name)
            .HasMethod("gin")
            .HasOperators("gin_trgm_ops")
            .HasDatabaseName("ix_places_name_trgm");
    }
}
