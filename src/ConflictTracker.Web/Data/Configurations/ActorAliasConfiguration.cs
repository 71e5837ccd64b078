using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictTracker.Web.Data.Configurations;

public sealed class ActorAliasConfiguration : IEntityTypeConfiguration<ActorAlias>
{
    public void Configure(EntityTypeBuilder<ActorAlias> builder)
    {
        builder.ToTable(
            "actor_aliases",
            t => t.HasCheckConstraint("ck_actor_aliases_name_not_blank", "btrim(name) <> ''")
        );
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Name).HasMaxLength(MaxLengths.Name);
        builder.Property(a => a.Language).HasMaxLength(MaxLengths.LanguageTag);
        builder.HasIndex(a => new { a.ActorId, a.Name }).IsUnique();
        builder
            .HasIndex(a => a.Name)
            .HasMethod("gin")
            .HasOperators("gin_trgm_ops")
            .HasDatabaseName("ix_actor_aliases_name_trgm");
    }
}
