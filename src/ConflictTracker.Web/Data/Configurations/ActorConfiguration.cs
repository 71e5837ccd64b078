using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictTracker.Web.Data.Configurations;

public sealed class ActorConfiguration : IEntityTypeConfiguration<Actor>
{
    public void Configure(EntityTypeBuilder<Actor> builder)
    {
        builder.ToTable(
            "actors",
            t =>
            {
                t.HasCheckConstraint("ck_actors_kind", Sql.In<ActorKind>("kind"));
                t.HasCheckConstraint("ck_actors_reliability", Sql.In<ReliabilityGrade>("reliability"));
                t.HasCheckConstraint("ck_actors_country_code", "country_code ~ '^[A-Z]{2}$'");
                t.HasCheckConstraint("ck_actors_name_not_blank", "btrim(name) <> ''");
            }
        );
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Name).HasMaxLength(MaxLengths.Name);
        builder.Property(a => a.CountryCode).HasMaxLength(2).IsFixedLength(false);
        builder.Property(a => a.Description).HasMaxLength(MaxLengths.Note);
        builder.Property(a => a.Version).IsRowVersion();
        builder.HasMany(a => a.Aliases).WithOne().HasForeignKey(a => a.ActorId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(a => a.Aliases).AutoInclude(false);
        builder
            .HasIndex(a => a.Name)
            .HasMethod("gin")
            .HasOperators("gin_trgm_ops")
            .HasDatabaseName("ix_actors_name_trgm");
    }
}
