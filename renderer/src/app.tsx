import { Route, Routes } from 'react-router-dom';
import { AdminScreen } from './screens/admin/AdminScreen.js';
import { CityScreen } from './screens/city/CityScreen.js';
import { ClerkScreen } from './screens/clerk/ClerkScreen.js';
import { CounterScreen } from './screens/counter/CounterScreen.js';
import { DisplayScreen } from './screens/display/DisplayScreen.js';
import { HomeScreen } from './screens/home/HomeScreen.js';
import { NotFoundScreen } from './screens/home/NotFoundScreen.js';
import { KioskScreen } from './screens/kiosk/KioskScreen.js';
import { PairScreen } from './screens/pair/PairScreen.js';

export function App() {
  return (
    <Routes>
      <Route path="/" element={<HomeScreen />} />
      <Route path="/pair" element={<PairScreen />} />
      <Route path="/kiosk" element={<KioskScreen key="kiosk" mode="kiosk" />} />
      <Route path="/booth" element={<KioskScreen key="booth" mode="booth" />} />
      <Route path="/clerk" element={<ClerkScreen />} />
      <Route path="/display" element={<DisplayScreen />} />
      <Route path="/counter/*" element={<CounterScreen />} />
      <Route path="/admin/*" element={<AdminScreen />} />
      <Route path="/city/*" element={<CityScreen />} />
      <Route path="*" element={<NotFoundScreen />} />
    </Routes>
  );
}
