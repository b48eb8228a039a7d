namespace Uppsikt.Domain.Tests;

public sealed class SwedishWordingTests
{
    [Theory]
    [InlineData(1, "1:a")]
    [InlineData(2, "2:a")]
    [InlineData(3, "3:e")]
    [InlineData(4, "4:e")]
    [InlineData(10, "10:e")]
    [InlineData(11, "11:e")]
    [InlineData(12, "12:e")]
    [InlineData(21, "21:a")]
    [InlineData(22, "22:a")]
    [InlineData(100, "100:e")]
    [InlineData(101, "101:a")]
    [InlineData(111, "111:e")]
    [InlineData(112, "112:e")]
    public void Ordinals_end_in_a_after_one_and_two_but_not_eleven_and_twelve(int number, string written)
    {
        Assert.Equal(written, SwedishWording.Ordinal(number));
    }
}
