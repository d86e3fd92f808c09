/// Workbook texts shared by the tests.
enum Fixtures {
    static let tutorial = """
    <!-- pilotbook v1 -->
    # Step 3: download the data

    Prose is the user's and is kept byte for byte.

    ```pilot id=load
    load bank-additional/bank-additional-full.csv as data
    ```

    <!-- output:begin id=load status=ok src=3b1f0c9e -->
    ```text
    data: 41188 rows × 21 columns (bank-additional/bank-additional-full.csv)
    ```
    <!-- output:end -->

    ```python
    print("a python block is prose")
    ```

    ```pilot
    head data
    ```

    """
}
