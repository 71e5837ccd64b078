using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace ConflictTracker.Web.Data.Configurations;

public sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> builder)
    {
        builder.ToTable(
            "sources",
            t =>
            {
                t.HasCheckConstraint("ck_sources_kind", Sql.In<SourceKind>("kind"));
                t.HasCheckConstraint("ck_sources_status", Sql.In<SourceStatus>("status"));
                t.HasCheckConstraint(
                    "ck_sources_retraction_reason",
                    "(status = 'Retracted') = (retraction_reason IS NOT NULL)"
                );
                t.HasCheckConstraint("ck_sources_reliability", Sql.In<ReliabilityGrade>("reliability"));
                t.HasCheckConstraint("ck_sources_url_scheme", "url " + Sql.HttpUrl);
                t.HasCheckConstraint("ck_sources_archive_url_scheme", "archive_url " + Sql.HttpUrl);
                t.HasCheckConstraint("ck_sources_content_hash", "content_hash ~ '^[0-9a-f]{64}$'");
                t.HasCheckConstraint("ck_sources_title_not_blank", "btrim(title) <> ''");
                t.HasCheckConstraint(
                    "ck_sources_published_on",
                    "(published_on IS NULL) = (published_on_precision IS NULL)"
                );
                t.HasCheckConstraint(
                    "ck_sources_published_on_precision",
                    Sql.In<DatePrecision>("published_on_precision")
                );
                t.HasCheckConstraint("ck_sources_dates_in_range", Sql.InDateRange("published_on", "retrieved_on"));
                t.HasCheckConstraint(
                    "ck_sources_published_on_normalised",
                    "published_on IS NULL OR " + Sql.PartialDateNormalised("published_on", "published_on_precision")
                );
            }
        );
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Title).HasMaxLength(MaxLengths.Title);
        builder.Property(s => s.Language).HasMaxLength(MaxLengths.LanguageTag);
        builder.Property(s => s.ContentHash).HasMaxLength(MaxLengths.ContentHash);
        builder.Property(s => s.RetractionReason).HasMaxLength(MaxLengths.Note);
        builder.Property(s => s.Version).IsRowVersion();
        builder.ComplexProperty(
            s => s.PublishedOn,
            date =>
            {
                date.Property(d => d.Date).HasColumnName("published_on");
                date.Property(d => d.Precision).HasColumnName("published_on_precision");
            }
        );
        builder.HasOne<Actor>().WithMany().HasForeignKey(s => s.PublisherId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.PublisherId);
        builder
            .Property<NpgsqlTsVector>(Search.VectorColumn)
            .HasComputedColumnSql(Search.Vector("title"), stored: true);
        builder.HasIndex(Search.VectorColumn).HasMethod("gin");
    }
}
