using Floke.Web.Core.Organizations;

namespace Floke.Tests.Core.Organizations;

public class OrganizationNumberTests
{
    [Theory]
    [InlineData("958935420")] // Oslo kommune
    [InlineData("974760673")] // Brønnøysundregistrene
    [InlineData("991825827")] // Digitaliseringsdirektoratet
    [InlineData("958 935 420")] // as people write it
    public void IsValid_RealNumbers_True(string number) => Assert.True(OrganizationNumber.IsValid(number));

    [Theory]
    [InlineData("958935421")] // wrong check digit
    [InlineData("95893542")] // eight digits
    [InlineData("9589354200")] // ten digits
    [InlineData("95893542A")] // a letter
    [InlineData("abcdefghi")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("-58935420")]
    [InlineData("١٢٣٤٥٦٧٨٩")] // non-ASCII digits are not digits of an organisation number
    public void IsValid_BadNumbers_False(string? number) => Assert.False(OrganizationNumber.IsValid(number));

    [Fact]
    public void CheckDigit_RemainderTen_HasNoValidNumber()
    {
        var firstEight = Enumerable.Range(10_000_000, 200).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .First(s => OrganizationNumber.CheckDigit(s) is null);
        Assert.All(Enumerable.Range(0, 10), d => Assert.False(OrganizationNumber.IsValid(firstEight + d)));
    }

    [Fact]
    public void CheckDigit_RemainderZero_IsZero()
    {
        var firstEight = Enumerable.Range(10_000_000, 200).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .First(s => OrganizationNumber.CheckDigit(s) == 0);
        Assert.True(OrganizationNumber.IsValid(firstEight + "0"));
    }
}
