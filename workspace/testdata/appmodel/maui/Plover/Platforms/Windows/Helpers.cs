namespace Example;

public static class Helpers { }
