namespace ConflictTracker.Web.Data;

/// <summary>
/// Names and SQL of the full-text search columns. Each searchable text is indexed twice: with the
/// 'simple' configuration (every word as written, any language or script) and with 'english'
/// (stemmed, so "ferry" finds "ferried"). Queries ask both; see docs/rules/search.md.
/// </summary>
internal static class Search
{
    public const string VectorColumn = "SearchVector";
    public const string StatedOnLatestColumn = "StatedOnLatest";
    public const string EventEndLatestColumn = "EventEndLatest";

    public static string Vector(string textSql) =>
        $"to_tsvector('simple'::regconfig, {textSql}) || to_tsvector('english'::regconfig, {textSql})";
}
