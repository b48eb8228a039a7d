using System.Linq.Expressions;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Register;

public static class DeclaredOrder
{
    /// <summary>
    /// Sorts by an enum column in the order its values are declared (Ansökt, Aktiv, Vilande, …), not by the
    /// stored text, which would put them in the alphabetical order of their English names.
    /// </summary>
    public static SortColumns<T> AddInDeclaredOrder<T, TEnum>(this SortColumns<T> columns, string key, Expression<Func<T, TEnum>> column)
        where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>();
        var underlying = Enum.GetUnderlyingType(typeof(TEnum));
        // The same tree the compiler makes for "value == TEnum.X", which EF translates through the value converter.
        Expression rank = Expression.Constant(values.Length);
        for (var i = values.Length - 1; i >= 0; i--)
        {
            var matches = Expression.Equal(
                Expression.Convert(column.Body, underlying),
                Expression.Convert(Expression.Constant(values[i]), underlying));
            rank = Expression.Condition(matches, Expression.Constant(i), rank);
        }
        return columns.Add(key, Expression.Lambda<Func<T, int>>(rank, column.Parameters));
    }
}
