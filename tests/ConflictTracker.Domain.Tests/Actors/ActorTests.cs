using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Common;

namespace ConflictTracker.Domain.Tests.Actors;

public class ActorTests
{
    [Fact]
    public void AliasesInOtherScriptsAreKeptOnce()
    {
        var budanov = Actor.Create("Kyrylo Budanov", ActorKind.Person, "UA");

        budanov.AddAlias("Кирило Буданов", "uk");
        budanov.AddAlias("Кирило Буданов", "uk");

        budanov.Aliases.Should().ContainSingle().Which.ActorId.Should().Be(budanov.Id);
    }

    [Fact]
    public void AliasMustDifferFromTheName()
    {
        var act = () => Actor.Create("Kim Yong-hyun", ActorKind.Person, "KR").AddAlias("Kim Yong-hyun", "en");

        act.Should().Throw<DomainValidationException>();
    }

    [Fact]
    public void AffiliationCannotEndBeforeItStarts()
    {
        var act = () =>
            Affiliation.Create(
                Make.Actor("Shin Won-sik"),
                Make.Actor("Ministry"),
                "Minister",
                new DateOnly(2024, 9, 5),
                new DateOnly(2023, 10, 7),
                true
            );

        act.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainKey("To");
    }

    [Fact]
    public void ActorCannotBeAffiliatedWithItself()
    {
        var kremlin = Make.Actor("Kremlin");

        var act = () => Affiliation.Create(kremlin, kremlin, "Itself", null, null, false);

        act.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainKey("OrganisationId");
    }

    [Theory]
    [InlineData("2024-09-06", true)]
    [InlineData("2024-10-08", true)]
    [InlineData("2024-12-05", true)]
    [InlineData("2024-09-05", false)]
    [InlineData("2024-12-06", false)]
    public void RoleIsHeldBetweenItsDatesInclusive(string date, bool held)
    {
        var minister = Affiliation.Create(
            Make.Actor("Kim Yong-hyun"),
            Make.Actor("Ministry"),
            "Minister",
            new DateOnly(2024, 9, 6),
            new DateOnly(2024, 12, 5),
            true
        );

        minister.IsHeldOn(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(held);
    }

    [Fact]
    public void OpenEndedRoleIsHeldFromItsStart()
    {
        var spokesman = Affiliation.Create(
            Make.Actor("Dmitry Peskov"),
            Make.Actor("Kremlin"),
            "Press Secretary",
            new DateOnly(2012, 5, 22),
            null,
            true
        );

        spokesman.IsHeldOn(new DateOnly(2024, 10, 20)).Should().BeTrue();
        spokesman.IsHeldOn(new DateOnly(2012, 5, 21)).Should().BeFalse();
    }
}
