function SidePanel() {
  return <main><h1>SkillProof</h1></main>
}
export default SidePanel
