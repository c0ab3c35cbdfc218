#pragma once

namespace Northwind
{
    namespace Ferry
    {
        public ref class HomePage sealed
        {
        public:
            HomePage();
        private:
            // the page's own method; TaskScheduling has a static helper of
            // the same name with three parameters
            void PlanBackgroundTask();
        };
    }
}
