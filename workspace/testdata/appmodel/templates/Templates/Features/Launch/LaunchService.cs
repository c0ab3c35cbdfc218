namespace Param_RootNamespace.Launch
{
    public class LaunchService
    {
    }
}
