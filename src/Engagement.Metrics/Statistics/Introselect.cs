using System.Numerics;

namespace Engagement.Metrics.Statistics;

/// <summary>
/// In-place selection of the k-th smallest element: quickselect (Hoare 1961, Algorithm 65 FIND) with a
/// median-of-three pivot and Hoare partitioning, falling back to an O(m log m) sort of the remaining range when
/// the recursion depth passes 2·log₂ m (Musser 1997, "Introspective sorting and selection algorithms").
/// </summary>
/// <remarks>
/// After <see cref="Select"/>, <c>values[k]</c> holds the k-th smallest element of <c>values[left..right]</c>, every
/// element of <c>values[left..k)</c> is ≤ it and every element of <c>values(k..right]</c> is ≥ it. The values must
/// not contain NaN (callers validate first). Expected O(m) comparisons, O(m log m) worst case; no allocation.
/// </remarks>
internal static class Introselect
{
    private const int InsertionSortThreshold = 16;

    public static void Select(Span<double> values, int left, int right, int k)
    {
        int depthLimit = 2 * BitOperations.Log2((uint)(right - left + 1)) + 2;
        while (true)
        {
            if (k == left)
            {
                MoveMinimumTo(values, left, right);
                return;
            }

            if (k == right)
            {
                MoveMaximumTo(values, left, right);
                return;
            }

            int size = right - left + 1;
            if (size <= InsertionSortThreshold)
            {
                InsertionSort(values.Slice(left, size));
                return;
            }

            if (depthLimit-- == 0)
            {
                values.Slice(left, size).Sort();
                return;
            }

            // Median of three: afterwards values[left] <= values[mid] <= values[right], which also act as sentinels.
            int mid = left + ((right - left) >> 1);
            SortPair(values, left, mid);
            SortPair(values, mid, right);
            SortPair(values, left, mid);
            double pivot = values[mid];

            // Hoare partition; elements equal to the pivot stop both scans, so runs of duplicates split evenly.
            int i = left;
            int j = right;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (pivot < values[j])
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            // Now values[left..j] <= pivot <= values[i..right], and any index between j and i holds the pivot.
            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                return;
            }
        }
    }

    private static void SortPair(Span<double> values, int a, int b)
    {
        if (values[b] < values[a])
        {
            (values[a], values[b]) = (values[b], values[a]);
        }
    }

    private static void MoveMinimumTo(Span<double> values, int left, int right)
    {
        int best = left;
        double min = values[left];
        for (int i = left + 1; i <= right; i++)
        {
            if (values[i] < min)
            {
                min = values[i];
                best = i;
            }
        }

        (values[left], values[best]) = (values[best], values[left]);
    }

    private static void MoveMaximumTo(Span<double> values, int left, int right)
    {
        int best = right;
        double max = values[right];
        for (int i = left; i < right; i++)
        {
            if (values[i] > max)
            {
                max = values[i];
                best = i;
            }
        }

        (values[right], values[best]) = (values[best], values[right]);
    }

    private static void InsertionSort(Span<double> values)
    {
        for (int i = 1; i < values.Length; i++)
        {
            double x = values[i];
            int j = i - 1;
            while (j >= 0 && values[j] > x)
            {
                values[j + 1] = values[j];
                j--;
            }

            values[j + 1] = x;
        }
    }
}
